/**
 * Who is calling: registration, sign-in, tokens and sessions, the security filter chain, and the {@link
 * io.datamind.auth.Caller} every other module asks for.
 */
package io.datamind.auth;
