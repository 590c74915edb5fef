import type { ReactNode } from 'react';
import type { Language } from '../../../shared/domain/languages';
import { LanguageSelect } from './LanguageSelect';

/**
 * A screen shown before anyone is signed in (setup, sign-in, a damaged data folder): one card
 * with its title and the language choice, since nobody's own language is known yet.
 */
export function CardPage({
  title,
  eyebrow,
  wide,
  language,
  onLanguage,
  children,
}: {
  title: string;
  eyebrow?: string;
  wide?: boolean;
  language: Language;
  onLanguage: (l: Language) => void;
  children: ReactNode;
}) {
  const heading = <h1>{title}</h1>;
  return (
    <main className="card-page" id="main">
      <div className={wide ? 'card wide' : 'card'}>
        <div className="card-top">
          {eyebrow ? (
            <div>
              <p className="eyebrow">{eyebrow}</p>
              {heading}
            </div>
          ) : (
            heading
          )}
          <LanguageSelect value={language} onChange={onLanguage} />
        </div>
        {children}
      </div>
    </main>
  );
}
