/** The only way to reach a customer database: read-only pooled connections, time, row and byte limits, cancel. */
package io.datamind.query;
