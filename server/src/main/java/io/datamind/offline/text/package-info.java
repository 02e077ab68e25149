/** English word folding (function words, plural folding) shared by the offline engine and schema linking. */
@org.springframework.modulith.NamedInterface("text")
package io.datamind.offline.text;
