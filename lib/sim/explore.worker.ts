// Web Worker entry: runs explore() off the main thread for the panel's "find a race".
// Message in: { model, bounds }; message out: ExploreResult (plain JSON).
import { explore, type Bounds, type ExploreModel } from "./explore";

type Req = { model: ExploreModel; bounds?: Bounds };

self.onmessage = (ev: MessageEvent<Req>) => {
  const { model, bounds } = ev.data;
  self.postMessage(explore(model, bounds));
};
