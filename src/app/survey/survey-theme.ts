import type { Model } from 'survey-core';

/**
 * SurveyJS's default theme names Open Sans, which its default stylesheet fetches from a third
 * party. We load the fontless stylesheet and point the theme at the system fonts instead.
 */
const SYSTEM_FONTS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

export function applySkillscopeTheme(model: Model): void {
  model.applyTheme({
    cssVariables: {
      '--sjs2-typography-font-family-text': SYSTEM_FONTS,
      '--sjs2-typography-font-family-component-label-content': SYSTEM_FONTS,
      '--sjs2-typography-font-family-component-input-content': SYSTEM_FONTS,
      '--sjs2-typography-font-family-component-page-title': SYSTEM_FONTS,
      '--sjs2-typography-font-family-component-survey-header-title': SYSTEM_FONTS,
      '--sjs-font-family': SYSTEM_FONTS,
    },
  });
}
