"""Prefect orchestration of kabar: thin flows and tasks over kabar's plain functions."""
