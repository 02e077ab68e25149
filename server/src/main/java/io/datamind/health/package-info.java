/** The public health endpoint: application database and Redis, without authentication. */
package io.datamind.health;
