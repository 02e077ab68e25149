/** Text that is still arriving, ending in a blinking cursor. */
export function StreamingText({
  text,
  label,
  code = false,
}: {
  text: string;
  label: string;
  code?: boolean;
}) {
  const cursor = <span className="cursor" aria-hidden="true" />;
  return (
    <div className="streaming" aria-label={label} aria-busy="true" role="region">
      {code ? (
        <pre className="code-block code-block--draft">
          {text}
          {cursor}
        </pre>
      ) : (
        <p className="analysis">
          {text}
          {cursor}
        </p>
      )}
    </div>
  );
}
