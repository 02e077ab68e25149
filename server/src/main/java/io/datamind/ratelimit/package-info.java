/** Request rate limits per route group and caller, shared through Redis when configured, in process otherwise. */
package io.datamind.ratelimit;
