/**
 * Search results a person can choose from: image, title, price with its "as of" time,
 * availability and marketplace, an "Add" button per product, "Add all", and paging. The live
 * region above the list says what is happening (searching, how many results, none).
 */
import { Button, Spinner } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

import { marketplaceName } from './paste';
import type { SearchHit } from './products';

/** Products per page of the search route. */
export const PAGE_SIZE = 10;
/** The last page Amazon serves (Search_Controller's `page` maximum). */
export const MAX_PAGE = 10;

export interface SearchState {
	keywords: string;
	page: number;
	total: number;
	hits: SearchHit[];
	loading: boolean;
	error: string;
	/** Whether a search for these keywords has answered. */
	done: boolean;
}

interface SearchResultsProps {
	state: SearchState;
	/** ASINs the block already holds. */
	added: string[];
	onAdd: ( hits: SearchHit[] ) => void;
	onPage: ( page: number ) => void;
}

/**
 * The time a price was fetched, in the editor's language.
 *
 * @param fetchedAt Unix time.
 */
function asOf( fetchedAt: number ): string {
	const language = document.documentElement.lang || undefined;
	try {
		return new Date( fetchedAt * 1000 ).toLocaleString( language, {
			dateStyle: 'medium',
			timeStyle: 'short',
		} );
	} catch {
		return new Date( fetchedAt * 1000 ).toLocaleString();
	}
}

/**
 * The number of result pages Amazon will serve.
 *
 * @param total Total results Amazon reports.
 */
export function pageCount( total: number ): number {
	return Math.max( 1, Math.min( MAX_PAGE, Math.ceil( total / PAGE_SIZE ) ) );
}

/**
 * What the live region says.
 *
 * @param state The search.
 */
function status( state: SearchState ): string {
	if ( state.loading ) {
		return sprintf(
			/* translators: %s: search keywords. */
			__( 'Searching Amazon for “%s”…', 'creators-connect-for-amazon' ),
			state.keywords
		);
	}
	if ( ! state.done || state.error ) {
		return '';
	}
	if ( state.hits.length === 0 ) {
		return sprintf(
			/* translators: %s: search keywords. */
			__(
				'Amazon found no products for “%s”. Try other words, another marketplace, or paste a product link.',
				'creators-connect-for-amazon'
			),
			state.keywords
		);
	}
	return sprintf(
		/* translators: 1: number of results, 2: search keywords, 3: page number, 4: number of pages. */
		_n(
			'%1$d result for “%2$s”, page %3$d of %4$d.',
			'%1$d results for “%2$s”, page %3$d of %4$d.',
			state.total,
			'creators-connect-for-amazon'
		),
		state.total,
		state.keywords,
		state.page,
		pageCount( state.total )
	);
}

export default function SearchResults( {
	state,
	added,
	onAdd,
	onPage,
}: SearchResultsProps ) {
	const addable = state.hits.filter(
		( hit ) => ! added.includes( hit.asin )
	);
	const pages = pageCount( state.total );
	return (
		<div className="acapi-results" aria-busy={ state.loading }>
			<p className="acapi-results__status" role="status">
				{ state.loading && <Spinner /> }
				{ status( state ) }
			</p>
			{ state.error && (
				<p className="acapi-results__error" role="alert">
					{ state.error }
				</p>
			) }
			{ state.hits.length > 0 && ! state.loading && (
				<>
					<ul
						className="acapi-results__list"
						aria-label={ __(
							'Search results',
							'creators-connect-for-amazon'
						) }
					>
						{ state.hits.map( ( hit ) => {
							const isAdded = added.includes( hit.asin );
							return (
								<li key={ hit.asin } className="acapi-result">
									<span className="acapi-result__image">
										{ hit.image && (
											<img
												src={ hit.image }
												alt=""
												width={ 64 }
												height={ 64 }
												loading="lazy"
											/>
										) }
									</span>
									<span className="acapi-result__body">
										<span className="acapi-result__title">
											{ hit.title || hit.asin }
										</span>
										<span className="acapi-result__meta">
											{ hit.price ? (
												<span className="acapi-result__price">
													{ hit.price }
													{ hit.fetchedAt > 0 && (
														<span className="acapi-result__asof">
															{ ' ' }
															{ sprintf(
																/* translators: %s: date and time the price was fetched. */
																__(
																	'(price as of %s)',
																	'creators-connect-for-amazon'
																),
																asOf(
																	hit.fetchedAt
																)
															) }
														</span>
													) }
												</span>
											) : (
												<span className="acapi-result__price">
													{ __(
														'No price',
														'creators-connect-for-amazon'
													) }
												</span>
											) }
											{ hit.availability && (
												<span className="acapi-result__availability">
													{ hit.availability }
												</span>
											) }
											<span className="acapi-result__marketplace">
												{ `${ marketplaceName(
													hit.marketplace
												) } · ${ hit.asin }` }
											</span>
										</span>
									</span>
									<Button
										__next40pxDefaultSize
										variant="secondary"
										disabled={ isAdded }
										aria-label={
											isAdded
												? sprintf(
														/* translators: %s: product title. */
														__(
															'Added: %s',
															'creators-connect-for-amazon'
														),
														hit.title || hit.asin
													)
												: sprintf(
														/* translators: %s: product title. */
														__(
															'Add %s',
															'creators-connect-for-amazon'
														),
														hit.title || hit.asin
													)
										}
										onClick={ () => onAdd( [ hit ] ) }
									>
										{ isAdded
											? __(
													'Added',
													'creators-connect-for-amazon'
												)
											: __(
													'Add',
													'creators-connect-for-amazon'
												) }
									</Button>
								</li>
							);
						} ) }
					</ul>
					<div className="acapi-results__actions">
						<Button
							__next40pxDefaultSize
							variant="primary"
							disabled={ addable.length === 0 }
							onClick={ () => onAdd( addable ) }
						>
							{ sprintf(
								/* translators: %d: number of products on this page not added yet. */
								__(
									'Add all (%d)',
									'creators-connect-for-amazon'
								),
								addable.length
							) }
						</Button>
						<nav
							className="acapi-results__pages"
							aria-label={ __(
								'Result pages',
								'creators-connect-for-amazon'
							) }
						>
							<Button
								__next40pxDefaultSize
								variant="tertiary"
								disabled={ state.page <= 1 }
								onClick={ () => onPage( state.page - 1 ) }
							>
								{ __(
									'Previous',
									'creators-connect-for-amazon'
								) }
							</Button>
							<span>
								{ sprintf(
									/* translators: 1: page number, 2: number of pages. */
									__(
										'Page %1$d of %2$d',
										'creators-connect-for-amazon'
									),
									state.page,
									pages
								) }
							</span>
							<Button
								__next40pxDefaultSize
								variant="tertiary"
								disabled={ state.page >= pages }
								onClick={ () => onPage( state.page + 1 ) }
							>
								{ __( 'Next', 'creators-connect-for-amazon' ) }
							</Button>
						</nav>
					</div>
				</>
			) }
		</div>
	);
}
