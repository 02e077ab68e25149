/** The built-in offline engine: reads a question against a discovered schema and writes SQL, with no model. */
package io.datamind.offline;
