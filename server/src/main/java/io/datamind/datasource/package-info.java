/**
 * Customer data sources: checks connection details typed by users (fields, driver properties, addresses, file
 * paths), builds the JDBC URLs from checked values only, and encrypts stored credentials.
 */
package io.datamind.datasource;
