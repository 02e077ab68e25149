/** The generated "Sample Sales" DuckDB database every organization gets, built once per data directory. */
package io.datamind.sample;
