interface ActionTileProps {
  readonly title: string;
  readonly hint: string;
  readonly onClick?: () => void;
  /** Shown instead of an action while a flow is not built yet. */
  readonly unavailable?: string;
}

export function ActionTile({ title, hint, onClick, unavailable }: ActionTileProps) {
  return (
    <button type="button" className="tile" onClick={onClick} disabled={unavailable !== undefined}>
      <span className="tile-title">{title}</span>
      <span className="tile-hint">{hint}</span>
      {unavailable !== undefined && <span className="tile-badge">{unavailable}</span>}
    </button>
  );
}
