/** Asking questions of a connection: the pipeline from a question to SQL, result, chart and analysis, and its conversations. */
package io.datamind.ask;
