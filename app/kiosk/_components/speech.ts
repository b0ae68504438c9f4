'use client';

import { useEffect, useState } from 'react';
import type { Question } from 'survey-core';

// Elderly mode reads the questions aloud with the browser's own speech synthesis, and only
// where a Vietnamese voice is installed (a wrong-language voice would be worse than none).

function vietnameseVoice(): SpeechSynthesisVoice | null {
  if (typeof window === 'undefined' || !window.speechSynthesis) return null;
  return (
    window.speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().replace('_', '-').startsWith('vi')) ?? null
  );
}

/** Whether this browser can read Vietnamese aloud; voices load asynchronously in Chromium. */
export function useVietnameseVoice(): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    const synth = window.speechSynthesis;
    if (!synth) return;
    const check = () => setHas(vietnameseVoice() !== null);
    check();
    synth.addEventListener?.('voiceschanged', check);
    return () => synth.removeEventListener?.('voiceschanged', check);
  }, []);
  return has;
}

/** The words read for a question: its title, then each option. */
export function spokenText(question: Question): string {
  const choices = (question as Question & { visibleChoices?: { text: string }[] }).visibleChoices ?? [];
  const title = question.processedTitle || question.title;
  return [title, ...choices.map((c) => c.text)].join('. ');
}

export function speak(texts: string[]): void {
  const voice = vietnameseVoice();
  if (!voice) return;
  const synth = window.speechSynthesis;
  synth.cancel();
  for (const text of texts) {
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = 0.85; // a little slower than default, for older listeners
    synth.speak(u);
  }
}

export function stopSpeaking(): void {
  if (typeof window !== 'undefined') window.speechSynthesis?.cancel();
}
