import { createContext, useContext } from 'react';
import type { Translator } from './translator';

export const TranslatorContext = createContext<Translator | null>(null);

export function useTranslator(): Translator {
  const translator = useContext(TranslatorContext);
  if (!translator) throw new Error('useTranslator must be used inside a TranslatorContext provider');
  return translator;
}
