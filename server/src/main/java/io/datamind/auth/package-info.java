/** Who is calling: sign-in, tokens, sessions and the security filter chain. */
package io.datamind.auth;
