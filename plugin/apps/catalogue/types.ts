import type { AppBuilder } from '../builder.js';

/** One template app: its file key, names, and the pages it declares on a builder. */
export interface TemplateApp {
  key: string;
  zh: string;
  en: string;
  build(app: AppBuilder): void;
}
