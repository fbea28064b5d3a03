import { describe, expect, it } from 'vitest';
import { inLanguage, renderMail } from './render.tsx';

describe('mail links', () => {
  it('carry the mail’s language, once, before a fragment', () => {
    expect(inLanguage('https://loket.example/take-over?token=abc', 'fr')).toBe(
      'https://loket.example/take-over?token=abc&lang=fr',
    );
    expect(inLanguage('https://loket.example/parent', 'en')).toBe('https://loket.example/parent?lang=en');
    expect(inLanguage('https://loket.example/info#contact', 'nl')).toBe(
      'https://loket.example/info?lang=nl#contact',
    );
    expect(inLanguage('https://loket.example/x?lang=nl', 'fr')).toBe('https://loket.example/x?lang=nl');
    expect(inLanguage('mailto:loket@example.be', 'fr')).toBe('mailto:loket@example.be');
  });

  it('write the link and the table the French way in French', () => {
    const mail = renderMail('fr', {
      subject: 'Sujet',
      greeting: 'Bonjour,',
      paragraphs: ['Texte.'],
      table: {
        caption: 'Plan',
        head: ['Jour', 'Demandé', 'Proposé'],
        rows: [['Lundi', 'Journée', 'Demi-journée']],
      },
      action: { label: 'Voir la proposition', url: 'https://loket.example/parent/requests/1' },
      signature: 'Cordialement,\nLe Guichet Accueil d’enfants',
    });
    expect(mail.text).toContain('Plan\u00a0:');
    expect(mail.text).toContain('- Lundi — Demandé\u00a0: Journée\u202f; Proposé\u00a0: Demi-journée');
    expect(mail.text).toContain('Voir la proposition\u00a0: https://loket.example/parent/requests/1?lang=fr');
    expect(mail.html).toContain('href="https://loket.example/parent/requests/1?lang=fr"');
    // The sign-off once: no site name after a signature that already names the desk.
    expect(mail.text.endsWith('Cordialement,\nLe Guichet Accueil d’enfants')).toBe(true);
    expect(mail.html).toContain('Cordialement,<br/>Le Guichet Accueil d’enfants</p>');
  });
});
