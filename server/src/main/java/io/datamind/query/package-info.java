/**
 * The only way to reach a customer database: the SQL guard, read-only pooled connections, time, row and byte
 * limits, and cancellation.
 */
package io.datamind.query;
