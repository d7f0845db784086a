// R-DAY-8 attachments: photos (JPEG/PNG) and scans (PDF) on tickets and archive documents.
// The type is read from the bytes, never from the name: a renamed file is refused as mislabelled.

export const contentTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type ContentType = (typeof contentTypes)[number];

export const ticketStages = ['intake', 'before', 'after'] as const;
export const stages = [...ticketStages, 'scan'] as const;
export type Stage = (typeof stages)[number];

// Three signatures are all this needs: the file-type package (v22) requires Node 22 and evaluates
// `new TextDecoder()` at load, which throws in ToolJet's bare vm sandbox (TOOLJET.md loader form 2).
const signatures: readonly { type: ContentType; magic: readonly number[] }[] = [
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-"
];

/** The content type the bytes are, or null when they are none of the accepted ones. */
export function sniff(bytes: Uint8Array): ContentType | null {
  return signatures.find((s) => s.magic.every((b, i) => bytes[i] === b))?.type ?? null;
}

const byExtension: Record<string, ContentType> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

/** What the name or the declared type claims, where they claim one of the accepted types. */
export function claimedTypes(fileName: string, declared: string | undefined): string[] {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const claims = [ext === undefined ? undefined : (byExtension[ext] ?? `.${ext}`), declared?.trim().toLowerCase() || undefined];
  // image/jpg is a common misspelling of image/jpeg and names the same bytes.
  return claims.filter((c): c is string => c !== undefined).map((c) => (c === 'image/jpg' ? 'image/jpeg' : c));
}

export const isImage = (type: ContentType): boolean => type !== 'application/pdf';
