/** Running SQL against customers' data sources: the guard that decides which SQL may run at all. */
package io.datamind.query;
