import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type MessageKey, messages } from '../messages.ts';

export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'gaodi_lang';
const COOKIE = 'gaodi_lang';

/** Chinese unless the user chose English before (localStorage, else the cookie the server also reads). */
export function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch {
    // Storage may be disabled (private mode); the cookie still works.
  }
  const cookie = /(?:^|;\s*)gaodi_lang=(zh|en)\b/.exec(document.cookie)?.[1];
  return cookie === 'en' ? 'en' : 'zh';
}

/** Remembers the language in localStorage and in the cookie the server reads to answer errors in it. */
export function persistLang(lang: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignored: see initialLang
  }
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads this cookie; Cookie Store API is not in every browser offices use.
  document.cookie = `${COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

/** The page's language as persistLang last set it (for code outside React: form checks). */
export function documentLang(): Lang {
  return document.documentElement.lang === 'en' ? 'en' : 'zh';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

type I18n = { lang: Lang; setLang: (lang: Lang) => void; t: Translate };

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  children,
  onChange,
}: {
  children: ReactNode;
  onChange?: (lang: Lang) => void;
}) {
  const [lang, setLangState] = useState<Lang>(() => {
    const lang = initialLang();
    persistLang(lang);
    return lang;
  });
  const setLang = useCallback(
    (next: Lang) => {
      persistLang(next);
      setLangState(next);
      onChange?.(next);
    },
    [onChange],
  );
  const t = useCallback<Translate>(
    (key, vars) => {
      const entry = messages[key];
      let text: string = lang === 'zh' ? entry[0] : entry[1];
      if (vars)
        for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
      return text;
    },
    [lang],
  );
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
