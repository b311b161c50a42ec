import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/**
 * Writes a corpus `factor` times the size of the given one. Copy 0 is the corpus itself; copy c
 * recombines fields of different documents (title of i, keywords of i + 7919·c, text of i + 104729·c,
 * modulo n) under new ids and new owner names, so that no document or owner repeats and the term
 * statistics stay those of real text.
 */
type CorpusLine = { id: string; owners: string[]; title: string; keywords: string[]; text: string };

export const writeScaledCorpus = async (lines: readonly CorpusLine[], factor: number, file: string) => {
  const out = createWriteStream(file);
  const n = lines.length;
  for (let copy = 0; copy < factor; copy++) {
    const chunk: string[] = [];
    lines.forEach((doc, i) => {
      if (copy === 0) {
        chunk.push(JSON.stringify(doc));
        return;
      }
      const keywords = lines[(i + 7919 * copy) % n]?.keywords ?? [];
      const text = lines[(i + 104729 * copy) % n]?.text ?? '';
      chunk.push(
        JSON.stringify({
          id: `${doc.id}~${copy}`,
          owners: doc.owners.map((owner) => `${owner}~${copy}`),
          title: doc.title,
          keywords,
          text,
        }),
      );
    });
    if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
};
