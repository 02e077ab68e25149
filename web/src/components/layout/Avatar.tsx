import { initialOf } from '@/lib/format';

export function Avatar({ name, size = 36 }: { name: string; size?: number }) {
  return (
    <span
      className="avatar"
      style={{ width: size, height: size, fontSize: size * 0.42 }}
      aria-hidden="true"
      data-testid="avatar"
    >
      {initialOf(name)}
    </span>
  );
}
