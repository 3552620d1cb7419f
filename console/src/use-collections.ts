import type { components, DocstackClient } from "@docstack/client";
import { useCallback, useEffect, useState } from "preact/hooks";
import { describeError } from "./api.js";
import { chooseCollection, chosenCollection } from "./chosen-collection.js";

type Collection = components["schemas"]["Collection"];

/**
 * The collections the key may use (the first 100) and the one being worked in: the last chosen
 * in this tab when it is still there, else the first.
 */
export function useCollections(client: DocstackClient) {
  const [collections, setCollections] = useState<Collection[]>();
  const [current, setCurrent] = useState("");
  const [error, setError] = useState<string>();

  const reload = useCallback(async () => {
    try {
      const {
        data,
        error: problem,
        response,
      } = await client.GET("/collections", {
        params: { query: { limit: 100 } },
      });
      if (!data) {
        setError(describeError(problem, response));
        return;
      }
      setError(undefined);
      setCollections(data.items);
      const chosen = chosenCollection();
      const fallback = data.items.some((c) => c.id === chosen) ? chosen : data.items[0]?.id;
      setCurrent((now) => (now && data.items.some((c) => c.id === now) ? now : (fallback ?? "")));
    } catch (failure) {
      setError(describeError(failure));
    }
  }, [client]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const choose = (id: string) => {
    setCurrent(id);
    chooseCollection(id);
  };
  return { collections, current, choose, error, reload };
}
