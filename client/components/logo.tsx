export function LogoMark({ size = 24 }: { size?: number }) {
  return (
    <svg className="logo-mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M9 12h14M9 20h14" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
      <circle cx="13" cy="12" r="3" fill="#fff" />
      <circle cx="19" cy="20" r="3" fill="#fff" />
    </svg>
  );
}

export function Logo() {
  return (
    <span className="logo">
      <LogoMark />
      <span className="logo-word">Switchboard</span>
    </span>
  );
}
