import { Fragment } from 'react';
import { splitNumbers } from '../../../shared/bidi/number-tokens';

/** One line of typed text, its laws, dates and phone numbers isolated left to right. */
function Numbers({ text }: { text: string }) {
  return (
    <>
      {splitNumbers(text).map((piece, i) =>
        piece.number ? (
          <bdi key={i} dir="ltr">
            {piece.text}
          </bdi>
        ) : (
          <Fragment key={i}>{piece.text}</Fragment>
        ),
      )}
    </>
  );
}

/**
 * Text a person typed (a summary, a note, an enquiry), shown as the PDFs print it (issue #11):
 * each paragraph takes its direction from its own first strong letter (`dir="auto"`, so a
 * French note in an Arabic summary reads left to right), and number-like tokens keep the order
 * they were typed in ("القانون 09-08", "+212 6 61 23 45 67"), where the browser's bidi
 * algorithm alone would show 08-09 (shared/bidi/number-tokens.ts, docs/BIDI-NUMBERS.md).
 */
export function TypedText({ text, inline = false }: { text: string; inline?: boolean }) {
  if (inline) {
    return (
      <span dir="auto">
        <Numbers text={text} />
      </span>
    );
  }
  return (
    <>
      {text.split(/\r\n|\n|\r/).map((line, i) =>
        line.trim() === '' ? null : (
          <p key={i} dir="auto" className="typed-paragraph">
            <Numbers text={line} />
          </p>
        ),
      )}
    </>
  );
}
