'use client';

import { useEffect } from 'react';

const TOUCHES = ['pointerdown', 'keydown', 'input', 'scroll'] as const;

/**
 * Calls `onIdle` after `ms` while `active`; with `restartOnTouch` every touch, key or scroll
 * starts the wait again (a citizen still reading or typing is not thrown back).
 */
export function useIdleReturn(active: boolean, ms: number, onIdle: () => void, restartOnTouch: boolean): void {
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(onIdle, ms);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, ms);
    };
    if (restartOnTouch)
      for (const e of TOUCHES) document.addEventListener(e, touched, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of TOUCHES) document.removeEventListener(e, touched, { capture: true });
    };
  }, [active, ms, onIdle, restartOnTouch]);
}
