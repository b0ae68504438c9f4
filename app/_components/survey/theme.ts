import type { ITheme } from 'survey-core';

// Larger type and touch targets than SurveyJS's default, in the app's blue; colours chosen for
// at least 4.5:1 contrast (WCAG 2.2 AA) on white.
export const surveyTheme: ITheme = {
  themeName: 'hailong',
  colorPalette: 'light',
  isPanelless: true,
  cssVariables: {
    '--sjs-general-backcolor': '#ffffff',
    '--sjs-general-backcolor-dark': '#e8edf3',
    '--sjs-general-backcolor-dim': '#f3f5f8',
    '--sjs-general-backcolor-dim-light': '#f7f9fb',
    '--sjs-general-backcolor-dim-dark': '#e3e8ee',
    '--sjs-general-forecolor': '#1a1a1a',
    '--sjs-general-forecolor-light': '#4a4a4a',
    '--sjs-general-dim-forecolor': '#1a1a1a',
    '--sjs-general-dim-forecolor-light': '#4a4a4a',
    '--sjs-primary-backcolor': '#0b4f8a',
    '--sjs-primary-backcolor-light': 'rgba(11, 79, 138, 0.1)',
    '--sjs-primary-backcolor-dark': '#083a66',
    '--sjs-primary-forecolor': '#ffffff',
    '--sjs-primary-forecolor-light': 'rgba(255, 255, 255, 0.75)',
    '--sjs-secondary-backcolor': '#8a4b00',
    '--sjs-border-light': '#c9d2dc',
    '--sjs-border-default': '#8795a5',
    '--sjs-special-red': '#a4161a',
    '--sjs-special-red-light': 'rgba(164, 22, 26, 0.1)',
    '--sjs-font-size': '18px',
    '--sjs-base-unit': '8px',
    '--sjs-corner-radius': '12px',
    '--sjs-font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  },
};
