"""Health and the list of installed capabilities (the dashboard reads it to enable its pages)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

import natosim
from natosim.api.capabilities import CAPABILITIES

router = APIRouter(tags=["meta"])


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    version: str = Field(examples=[natosim.__version__])


class CapabilityOut(BaseModel):
    name: str = Field(examples=["crisis"])
    title: str = Field(examples=["Crisis Monte Carlo"])
    available: bool
    install: str = Field("", description="pip command that installs it when it is not available", examples=[""])


@router.get("/health", response_model=Health, summary="Is the server up")
def health() -> Health:
    return Health(status="ok", version=natosim.__version__)


@router.get(
    "/capabilities",
    response_model=list[CapabilityOut],
    summary="Which capabilities have their libraries installed (and so which routes exist)",
)
def capabilities() -> list[CapabilityOut]:
    return [
        CapabilityOut(
            name=c.name, title=c.title, available=c.available(), install="" if c.available() else c.install_hint
        )
        for c in CAPABILITIES
    ]
