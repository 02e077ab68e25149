/** The SQL editor's endpoint: runs one query a member wrote, through the SQL guard, on a saved connection. */
package io.datamind.sqleditor;
