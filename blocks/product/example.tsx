/**
 * The inserter's preview: a static sketch of a product box with the renderer's class names (and
 * the front-end stylesheet's look). It never asks Amazon and shows no real price.
 */
import { __ } from '@wordpress/i18n';

export default function Example() {
	return (
		<div className="acapi acapi-box acapi-example">
			<div className="acapi-box__image">
				<svg
					className="acapi-image"
					viewBox="0 0 160 160"
					width="160"
					height="160"
					role="img"
					aria-label={ __(
						'Product image',
						'creators-connect-for-amazon'
					) }
				>
					<rect width="160" height="160" rx="8" fill="#e6e9ec" />
					<path d="M40 110 70 70l25 30 15-18 25 28z" fill="#b6bec7" />
					<circle cx="112" cy="52" r="12" fill="#b6bec7" />
				</svg>
			</div>
			<div className="acapi-box__body">
				<p className="acapi-title">
					{ __(
						'Product title from Amazon',
						'creators-connect-for-amazon'
					) }
				</p>
				<ul className="acapi-features">
					<li>
						{ __(
							'Up to three features',
							'creators-connect-for-amazon'
						) }
					</li>
					<li>
						{ __(
							'Kept fresh from the Creators API',
							'creators-connect-for-amazon'
						) }
					</li>
				</ul>
				<p className="acapi-price">
					<span className="acapi-price__amount">
						{ __( 'Price', 'creators-connect-for-amazon' ) }
					</span>
				</p>
				<p className="acapi-asof-inline">
					{ __(
						'Price as of … – Details',
						'creators-connect-for-amazon'
					) }
				</p>
				<span className="acapi-button">
					{ __( 'Buy on Amazon', 'creators-connect-for-amazon' ) }
				</span>
			</div>
		</div>
	);
}
