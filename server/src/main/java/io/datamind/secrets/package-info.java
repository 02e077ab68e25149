/** The server's own keys: JWT signing keys and the master key that encrypts stored credentials. */
package io.datamind.secrets;
