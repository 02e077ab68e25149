package io.datamind.org;

/** An organization just created, with its owner. */
public record NewOrganization(Organization organization, Member owner) {}
