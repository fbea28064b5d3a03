import { defineMessages, plural } from '../../platform/i18n/index.ts';

/** Texts of the desk's information pages (the list, the form, the confirmation before deleting). */
export const infoMessages = defineMessages({
  nl: {
    title: 'Informatiepagina’s',
    intro: (municipality: string) =>
      `De informatiepagina’s van ${municipality} op de publieke site, in de volgorde van het nummer. Alleen gepubliceerde pagina’s staan online.`,
    count: (n: number) => plural('nl', n, { one: '# pagina', other: '# pagina’s' }),
    newPage: 'Informatiepagina toevoegen',
    noPages: 'Er zijn nog geen informatiepagina’s.',
    colTitle: 'Titel',
    colAddress: 'Adres',
    colOrder: 'Volgorde',
    colState: 'Stand',
    state: { published: 'Gepubliceerd', hidden: 'Niet gepubliceerd' },
    newTitle: 'Informatiepagina toevoegen',
    editTitle: 'Informatiepagina wijzigen',
    formIntro:
      'Vul minstens de Nederlandse titel en tekst in. Ontbreekt een vertaling, dan toont de publieke site in die taal de Nederlandse tekst.',
    bodyHint:
      'Gewone tekst. Een lege regel begint een nieuwe alinea; een alinea die begint met “## ” is een tussentitel; regels die beginnen met “- ” vormen een lijst.',
    settingsHeading: 'Adres en publicatie',
    slug: 'Adres op de publieke site (niet verplicht)',
    slugHint: (example: string) =>
      `Kleine letters, cijfers en koppeltekens; de pagina staat dan op ${example}. Leeg: we maken het adres uit de Nederlandse titel.`,
    order: 'Volgorde',
    orderHint: 'Een nummer van 0 tot 999: de pagina’s staan van klein naar groot.',
    published: 'Op de publieke site',
    publishedYes: 'Publiceren: de pagina staat online',
    publishedNo: 'Niet publiceren: alleen het loket ziet de pagina',
    create: 'Informatiepagina opslaan',
    save: 'Wijzigingen opslaan',
    backToList: 'Terug naar de informatiepagina’s',
    view: 'Bekijken op de publieke site',
    delete: 'Informatiepagina verwijderen',
    done: {
      created: 'De informatiepagina is opgeslagen.',
      saved: 'De wijzigingen zijn opgeslagen. De publieke site toont ze binnen een minuut.',
      unchanged: 'Er was niets gewijzigd; er is niets opgeslagen.',
      deleted: 'De informatiepagina is verwijderd. Binnen een minuut staat ze niet meer op de publieke site.',
    },
    deleteTitle: 'Informatiepagina verwijderen',
    deleteHappens: (title: string) => `De pagina “${title}” wordt verwijderd, in alle talen.`,
    deleteFromSite:
      'Ze verdwijnt van de publieke site, binnen een minuut; wie het adres opent, krijgt “niet gevonden”.',
    deleteWarningLabel: 'Let op',
    deleteWarning:
      'U kunt dit niet ongedaan maken. Wilt u de pagina alleen verbergen, kies dan “Niet publiceren”.',
    deleteConfirm: 'Ja, verwijderen',
    deleteCancel: 'Niet verwijderen',
  },
  fr: {
    title: 'Pages d’information',
    intro: (municipality: string) =>
      `Les pages d’information de ${municipality} sur le site public, dans l’ordre de leur numéro. Seules les pages publiées sont en ligne.`,
    count: (n: number) => plural('fr', n, { one: '# page', other: '# pages' }),
    newPage: 'Ajouter une page d’information',
    noPages: 'Il n’y a pas encore de pages d’information.',
    colTitle: 'Titre',
    colAddress: 'Adresse',
    colOrder: 'Ordre',
    colState: 'État',
    state: { published: 'Publiée', hidden: 'Non publiée' },
    newTitle: 'Ajouter une page d’information',
    editTitle: 'Modifier une page d’information',
    formIntro:
      'Remplissez au moins le titre et le texte en néerlandais. Si une traduction manque, le site public affiche le texte néerlandais dans cette langue.',
    bodyHint:
      'Texte simple. Une ligne vide commence un nouveau paragraphe\u202f; un paragraphe qui commence par «\u00a0##\u00a0» est un intertitre\u202f; les lignes qui commencent par «\u00a0-\u00a0» forment une liste.',
    settingsHeading: 'Adresse et publication',
    slug: 'Adresse sur le site public (facultatif)',
    slugHint: (example: string) =>
      `Minuscules, chiffres et traits d’union\u202f; la page se trouve alors à ${example}. Vide, nous formons l’adresse à partir du titre néerlandais.`,
    order: 'Ordre',
    orderHint: 'Un nombre de 0 à 999\u00a0: les pages vont du plus petit au plus grand.',
    published: 'Sur le site public',
    publishedYes: 'Publier\u00a0: la page est en ligne',
    publishedNo: 'Ne pas publier\u00a0: seul le guichet voit la page',
    create: 'Enregistrer la page d’information',
    save: 'Enregistrer les modifications',
    backToList: 'Retour aux pages d’information',
    view: 'Voir sur le site public',
    delete: 'Supprimer la page d’information',
    done: {
      created: 'La page d’information est enregistrée.',
      saved: 'Les modifications sont enregistrées. Le site public les affiche dans la minute.',
      unchanged: 'Rien n’avait changé, rien n’a été enregistré.',
      deleted: 'La page d’information est supprimée. Dans la minute, elle ne figure plus sur le site public.',
    },
    deleteTitle: 'Supprimer la page d’information',
    deleteHappens: (title: string) =>
      `La page «\u00a0${title}\u00a0» est supprimée, dans toutes les langues.`,
    deleteFromSite:
      'Elle disparaît du site public dans la minute\u202f; qui ouvre son adresse obtient «\u00a0page introuvable\u00a0».',
    deleteWarningLabel: 'Attention',
    deleteWarning:
      'Vous ne pourrez pas revenir en arrière. Pour seulement masquer la page, choisissez «\u00a0Ne pas publier\u00a0».',
    deleteConfirm: 'Oui, supprimer',
    deleteCancel: 'Ne pas supprimer',
  },
  en: {
    title: 'Information pages',
    intro: (municipality: string) =>
      `The information pages of ${municipality} on the public site, in the order of their number. Only published pages are online.`,
    count: (n: number) => plural('en', n, { one: '# page', other: '# pages' }),
    newPage: 'Add an information page',
    noPages: 'There are no information pages yet.',
    colTitle: 'Title',
    colAddress: 'Address',
    colOrder: 'Order',
    colState: 'State',
    state: { published: 'Published', hidden: 'Not published' },
    newTitle: 'Add an information page',
    editTitle: 'Edit an information page',
    formIntro:
      'Fill in at least the Dutch title and text. Where a translation is missing, the public site shows the Dutch text in that language.',
    bodyHint:
      'Plain text. A blank line starts a new paragraph; a paragraph starting with “## ” is a sub-heading; lines starting with “- ” form a list.',
    settingsHeading: 'Address and publication',
    slug: 'Address on the public site (optional)',
    slugHint: (example: string) =>
      `Lower-case letters, digits and hyphens; the page is then at ${example}. Empty: we make the address from the Dutch title.`,
    order: 'Order',
    orderHint: 'A number from 0 to 999: the pages go from small to large.',
    published: 'On the public site',
    publishedYes: 'Publish: the page is online',
    publishedNo: 'Do not publish: only the desk sees the page',
    create: 'Save information page',
    save: 'Save changes',
    backToList: 'Back to the information pages',
    view: 'View on the public site',
    delete: 'Delete information page',
    done: {
      created: 'The information page is saved.',
      saved: 'The changes are saved. The public site shows them within a minute.',
      unchanged: 'Nothing had changed; nothing was saved.',
      deleted: 'The information page is deleted. Within a minute it is no longer on the public site.',
    },
    deleteTitle: 'Delete information page',
    deleteHappens: (title: string) => `The page “${title}” is deleted, in every language.`,
    deleteFromSite:
      'It disappears from the public site within a minute; whoever opens its address gets “not found”.',
    deleteWarningLabel: 'Warning',
    deleteWarning: 'You cannot undo this. To only hide the page, choose “Do not publish”.',
    deleteConfirm: 'Yes, delete',
    deleteCancel: 'Do not delete',
  },
});
