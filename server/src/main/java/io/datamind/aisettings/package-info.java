/** Each organization's choice of AI provider, model, base URL and key, over the instance defaults. */
package io.datamind.aisettings;
