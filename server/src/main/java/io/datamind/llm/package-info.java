/** Large language models behind one provider-neutral interface: Anthropic, OpenAI-compatible servers, retries, breakers. */
package io.datamind.llm;
