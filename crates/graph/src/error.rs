use std::path::PathBuf;

/// Everything the graph crate can fail with. Messages are one line and name
/// the file or store concerned.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}: the store is locked by another process (is another dragoman running?)")]
    Locked(PathBuf),
    #[error("{0}: not a Dragoman store: {1}")]
    NotAStore(PathBuf, String),
    #[error("{0}: no store here yet; run `dragoman build` first")]
    NoStore(PathBuf),
    #[error("invalid base IRI `{0}`: {1}")]
    Base(String, String),
    #[error("SPARQL: {0}")]
    Query(String),
    #[error("storage: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("loading: {0}")]
    Loader(#[from] oxigraph::store::LoaderError),
    #[error("writing: {0}")]
    Serializer(#[from] oxigraph::store::SerializerError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Other(String),
}
