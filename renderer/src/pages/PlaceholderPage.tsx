/** A page whose content a later feature fills. */
export function PlaceholderPage({ text }: { text: string }) {
  return <p className="empty">{text}</p>;
}
