import Markdown, { type Components } from "react-markdown";

// Raw HTML in a body is shown as text, never rendered (react-markdown's default; rehype-raw must never be added).
// Links leave the site without passing on who sent the reader or lending them the newsroom's ranking.
const COMPONENTS: Components = {
  // A link whose address was unsafe (javascript:, data:) arrives with an empty href: its words stay, as text.
  a: ({ node: _node, href, children, ...props }) =>
    !href ? (
      <span>{children}</span>
    ) : (
      <a
        href={href}
        {...props}
        target="_blank"
        rel="noopener noreferrer nofollow"
        className="text-accent underline underline-offset-2 hover:text-accent-strong"
      >
        {children}
      </a>
    ),
  p: ({ node: _node, ...props }) => <p {...props} className="my-1" />,
  ul: ({ node: _node, ...props }) => <ul {...props} className="my-1 list-disc pl-5" />,
  ol: ({ node: _node, ...props }) => <ol {...props} className="my-1 list-decimal pl-5" />,
  blockquote: ({ node: _node, ...props }) => (
    <blockquote {...props} className="my-1 border-l-2 border-stone-300 pl-2 text-stone-700" />
  ),
  code: ({ node: _node, ...props }) => <code {...props} className="rounded bg-stone-100 px-1 font-mono text-xs" />,
  h1: ({ node: _node, ...props }) => <p {...props} className="my-1 font-semibold" />,
  h2: ({ node: _node, ...props }) => <p {...props} className="my-1 font-semibold" />,
  h3: ({ node: _node, ...props }) => <p {...props} className="my-1 font-semibold" />,
  h4: ({ node: _node, ...props }) => <p {...props} className="my-1 font-semibold" />,
  h5: ({ node: _node, ...props }) => <p {...props} className="my-1 font-semibold" />,
  h6: ({ node: _node, ...props }) => <p {...props} className="my-1 font-semibold" />,
};

/** For a stylesheet that spaces paragraphs itself (`.reader-note-body p`): no class on each one. */
const BARE_PARAGRAPHS: Components = { ...COMPONENTS, p: ({ node: _node, ...props }) => <p {...props} /> };

/** An annotation's Markdown body. Images are left out: a note must not load pictures from anywhere. */
export function MarkdownBody({
  text,
  className,
}: {
  text: string;
  /**
   * The reading page passes its one short class (app/globals.css, `.reader-note-body`), which also spaces the
   * paragraphs; without it, utility classes style the body.
   */
  className?: string;
}) {
  return (
    <div className={className ?? "text-sm leading-relaxed text-ink [overflow-wrap:anywhere]"}>
      <Markdown components={className ? BARE_PARAGRAPHS : COMPONENTS} disallowedElements={["img"]} unwrapDisallowed>
        {text}
      </Markdown>
    </div>
  );
}
