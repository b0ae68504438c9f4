'use client';

import { useEffect } from 'react';
import type { Model, Question } from 'survey-core';

import { speak, spokenText } from './speech';

/** "Đọc to": reads the page's questions, and any follow-up as it appears. */
export function useReadAloud(model: Model | null, on: boolean): void {
  useEffect(() => {
    if (!model || !on) return;
    const readPage = () => speak(model.currentPage.questions.filter((q: Question) => q.isVisible).map(spokenText));
    readPage();
    const onVisible = (_: Model, opts: { question: Question; visible: boolean }) => {
      if (opts.visible) speak([spokenText(opts.question)]);
    };
    model.onQuestionVisibleChanged.add(onVisible);
    model.onCurrentPageChanged.add(readPage);
    return () => {
      model.onQuestionVisibleChanged.remove(onVisible);
      model.onCurrentPageChanged.remove(readPage);
    };
  }, [model, on]);
}
