/** Schema linking: which tables and columns of a large schema a question needs, within a token budget. */
package io.datamind.linking;
