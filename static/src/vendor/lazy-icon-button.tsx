/**
 * SectionMessage's dismiss button, loaded only when a message is dismissible.
 *
 * `@atlaskit/section-message` imports `@atlaskit/button/icon/button` for its optional dismiss
 * button, and that icon button brings Atlaskit's tooltip with both of its positioning engines
 * (`@atlaskit/popper` with Popper.js, and `@atlaskit/top-layer`) into every surface that shows a
 * message — 27 KB of the entry, gzipped. None of our messages is dismissible, so the Vite config points
 * section-message's import at this module, which renders the same IconButton through `React.lazy`:
 * a dismissible message would still get its button (a moment later); ours never download it.
 */
import type IconButtonType from '@atlaskit/button/icon/button';
import { lazy, Suspense, type ComponentProps } from 'react';

const IconButton = lazy(() => import('@atlaskit/button/icon/button'));

export default function LazyIconButton(props: ComponentProps<typeof IconButtonType>) {
  return (
    <Suspense fallback={null}>
      <IconButton {...props} />
    </Suspense>
  );
}
