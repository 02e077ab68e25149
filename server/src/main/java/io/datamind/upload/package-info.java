/** Loads CSV and XLSX files people upload into a new table of their organization's own DuckDB Uploads database. */
package io.datamind.upload;
