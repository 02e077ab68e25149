/** What a connection's database looks like: discovered tables, columns, keys, comments and sample values. */
package io.datamind.schema;
