import type { Contact, Entry } from './schema';

/**
 * Contact facts as label/value pairs in display order. Cards render them as a FactSet with
 * links; {@link answerText} renders them as lines.
 */
export function contactFacts(contact: Contact): Array<{ label: string; value: string; href?: string }> {
  const facts: Array<{ label: string; value: string; href?: string }> = [];
  if (contact.organisation) facts.push({ label: 'Stelle', value: contact.organisation });
  if (contact.persons?.length) facts.push({ label: 'Ansprechpersonen', value: contact.persons.join(', ') });
  if (contact.phone) facts.push({ label: 'Telefon', value: contact.phone, href: `tel:${dialable(contact.phone)}` });
  if (contact.fax) facts.push({ label: 'Fax', value: contact.fax });
  if (contact.email) facts.push({ label: 'E-Mail', value: contact.email, href: `mailto:${contact.email}` });
  if (contact.postalAddress) facts.push({ label: 'Postanschrift', value: contact.postalAddress.join(', ') });
  if (contact.visitingAddress) facts.push({ label: 'Besuchsadresse', value: contact.visitingAddress.join(', ') });
  if (contact.website) facts.push({ label: 'Webseite', value: contact.website, href: websiteUrl(contact.website) });
  return facts;
}

/**
 * The answer exactly as a user reads it: the Markdown answer followed by the entry's contact
 * facts. `/api/ask`, the CLI, the answer card and e-mails all show this text.
 */
export function answerText(entry: Entry): string {
  if (!entry.contact) return entry.answer;
  const lines = contactFacts(entry.contact).map((fact) => `- ${fact.label}: ${fact.value}`);
  return `${entry.answer}\n\n${lines.join('\n')}`;
}

/** "02931 82 5215" → "+49293182 5215" without spaces: what tel: links need. */
function dialable(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.startsWith('0') ? `+49${digits.slice(1)}` : digits;
}

function websiteUrl(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`;
}
