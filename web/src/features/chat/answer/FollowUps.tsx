/** Suggested next questions; choosing one asks it. */
export function FollowUps({
  questions,
  onAsk,
  disabled,
}: {
  questions: string[];
  onAsk: (question: string) => void;
  disabled: boolean;
}) {
  if (questions.length === 0) return null;
  return (
    <div className="follow-ups">
      <span className="follow-ups__label">Ask next</span>
      <ul className="chips" aria-label="Suggested questions">
        {questions.map((q) => (
          <li key={q}>
            <button type="button" className="chip" disabled={disabled} onClick={() => onAsk(q)}>
              {q}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
