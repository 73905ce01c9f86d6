import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `everyMs`, so relative times ("5m", "closes in 2 h") move on
 * without new data. Aligned to the interval boundary, so "in 5 h 12 min" turns over on the minute.
 */
export const useNow = (everyMs: number): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(Date.now());
      timer = setTimeout(tick, everyMs - (Date.now() % everyMs));
    };
    timer = setTimeout(tick, everyMs - (Date.now() % everyMs));
    return () => clearTimeout(timer);
  }, [everyMs]);
  return now;
};
