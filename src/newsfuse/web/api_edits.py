"""Corrections over the JSON API: ``POST /api/edits`` (needs the token) and the audit log.

The same checks and effects as ``newsfuse edit`` (:mod:`newsfuse.correct`)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from ..edits import ACTIONS, Edit, EditError
from .api import read_body
from .app import check_token, get_store
from .queries import BadRequest

router = APIRouter(prefix="/api", tags=["api"])
MAX_EDIT_BYTES = 64 * 1024


@router.get("/edits", summary="The corrections made by hand, newest first")
def list_edits(event_id: str | None = Query(None, description="only this event's"),
               store=Depends(get_store)) -> dict[str, Any]:
    return {"edits": store.list_edits(event_id)}


@router.post("/edits", summary="Correct an event (needs the token)", dependencies=[Depends(check_token)],
             responses={401: {"description": "missing or wrong token"}, 403: {"description": "writes disabled"}})
async def add_edit(request: Request) -> JSONResponse:
    """Body: ``{"action": "merge|move|place|date|type|figure", "event_id": "...", "args": {...},
    "reason": "...", "author": "..."}`` — ``args`` as in ``newsfuse edit`` (merge: ``merged``;
    move: ``article`` and ``to`` (null: a new event); place: ``name`` and optionally ``country``,
    ``lat``, ``lon``; date: ``start``, ``end``; type: ``event_type``, ``sub_event_type``;
    figure: ``category``, ``value`` or ``claim_id``)."""
    body = await read_body(request, MAX_EDIT_BYTES)
    try:
        data = json.loads(body)
    except ValueError:
        raise BadRequest("the body must be a JSON object") from None
    if not isinstance(data, dict) or data.get("action") not in ACTIONS:
        raise BadRequest(f"expected {{\"action\": one of {', '.join(ACTIONS)}, \"event_id\": ..., \"args\": {{...}}}}")
    if not isinstance(data.get("args", {}), dict):
        raise BadRequest("args must be an object")
    edit = Edit(data["action"], data.get("event_id"), data.get("args") or {}, data.get("reason"), data.get("author"))
    done = await run_in_threadpool(_correct, request.app.state.db, edit)
    return JSONResponse(done, status_code=201)


def _correct(db: str, edit: Edit) -> dict[str, Any]:
    from ..correct import correct
    from ..store import open_store

    store = open_store(db)
    try:
        done = correct(store, edit)
    except EditError as exc:
        raise BadRequest(str(exc)) from exc
    finally:
        store.close()
    return {"seq": done.seq, "event_id": done.event_id, "text": done.text, "left_in": done.left_in}
