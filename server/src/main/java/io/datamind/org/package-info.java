/** Organizations, their members and roles: the tenancy every org-owned row belongs to. */
package io.datamind.org;
