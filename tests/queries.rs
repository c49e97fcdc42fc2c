//! Each query in queries/ runs against the seed graph with asserted rows.

mod common;
